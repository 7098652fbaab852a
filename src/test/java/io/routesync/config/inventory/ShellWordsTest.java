package io.routesync.config.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

    private static List<String> words(String line, boolean comments) throws Exception {
        return ShellWords.split(line, comments).stream().map(ShellWords.Word::text).toList();
    }

    @Test
    void splitsLikeAPosixShellWithoutExpandingAnything() throws Exception {
        assertEquals(List.of("-o", "ProxyJump=a b", "it's", "$(x)", "a\\b", "\"q\"", ""),
                words("-o 'ProxyJump=a b' it\\'s $(x) \"a\\b\" '\"q\"' ''", false));
        assertEquals(List.of("a\"b", "c\\d"), words("\"a\\\"b\" \"c\\\\d\"", false));
    }

    @Test
    void commentsEndTheLineOnlyOutsideQuotesAndOnlyWhenAsked() throws Exception {
        // as in Python's shlex (which Ansible uses), '#' ends the line even in the middle of a word
        assertEquals(List.of("host", "c=#d", "a=b"), words("host c='#d' a=b#x ignored", true));
        assertEquals(List.of("a#b"), words("a#b", false));
    }

    @Test
    void rememberWhereEachWordStarts() throws Exception {
        assertEquals(List.of(1, 7, 18), ShellWords.split("edge1 key=\"a b\"  x=1", true).stream().map(ShellWords.Word::column).toList());
    }

    @Test
    void unclosedQuotesAndTrailingBackslashesAreErrors() {
        assertEquals(4, assertThrows(ShellWords.Unsplittable.class, () -> ShellWords.split("ab 'c", false)).column);
        assertEquals(3, assertThrows(ShellWords.Unsplittable.class, () -> ShellWords.split("ab\\", false)).column);
    }
}
