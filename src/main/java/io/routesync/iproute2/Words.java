package io.routesync.iproute2;

import java.util.ArrayList;
import java.util.List;

/** Splits a line on spaces and tabs, as iproute2's output and its batch input are separated. */
final class Words {
    private Words() {
    }

    static List<String> split(CharSequence line) {
        List<String> words = new ArrayList<>(24);
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(line.charAt(i))) i++;
            if (i == n) break;
            int start = i;
            while (i < n && !isSpace(line.charAt(i))) i++;
            words.add(line.subSequence(start, i).toString());
        }
        return words;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
