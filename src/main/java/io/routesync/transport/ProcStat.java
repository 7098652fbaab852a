package io.routesync.transport;

import java.io.FileInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The processes of this machine as {@code /proc/PID/stat} tells them, for {@link ProcessSessions}: each
 * one's session and whether it has exited (state Z, waiting to be reaped). One read of each stat file:
 * {@link ProcessHandle#allProcesses()} reads every one for its parent and start time, and reading it
 * again for the session made a scan two reads a process (measured: ~6 ms a scan of ~130 processes on a
 * loaded 2-CPU machine, against ~1.3 ms for this), and every program routesync runs ends with a scan
 * (16 hosts: 32 scans, 7,500 reads, for a no-op {@code plan -i}).
 *
 * @param pid     the process id
 * @param session field 6 of stat, or -1 when it could not be read
 * @param zombie  true when the process has exited (state Z) or is gone
 */
record ProcStat(long pid, long session, boolean zombie) {
    /** A stat line is ~300 bytes: 52 numeric fields (at most 20 digits each) and a name of at most 64 bytes in parentheses. */
    private static final int MAX_STAT = 2048;

    /** Every process now (the numeric entries of /proc; threads are not listed there). */
    static List<ProcStat> all() {
        String[] names = new java.io.File("/proc").list();
        List<ProcStat> out = new ArrayList<>(names == null ? 0 : names.length);
        if (names == null) return out;
        byte[] buf = new byte[MAX_STAT];
        for (String name : names) {
            long pid = pid(name);
            if (pid > 0) out.add(read(pid, buf));
        }
        return out;
    }

    /** One process; gone (session -1, zombie) when it cannot be read. */
    static ProcStat of(long pid) {
        return read(pid, new byte[MAX_STAT]);
    }

    private static ProcStat read(long pid, byte[] buf) {
        int n = 0;
        try (FileInputStream in = new FileInputStream("/proc/" + pid + "/stat")) {
            int r;
            while (n < buf.length && (r = in.read(buf, n, buf.length - n)) > 0) n += r;
        } catch (IOException gone) {
            return new ProcStat(pid, -1, true);
        }
        return parse(pid, buf, n);
    }

    /**
     * {@code PID (NAME) STATE PPID PGRP SESSION ...}: the name may hold spaces and parentheses, so the
     * fields are counted from the last ')'.
     */
    static ProcStat parse(long pid, byte[] stat, int length) {
        int i = length - 1;
        while (i >= 0 && stat[i] != ')') i--;
        i += 2; // the state
        if (i <= 1 || i >= length) return new ProcStat(pid, -1, true);
        boolean zombie = stat[i] == 'Z';
        for (int spaces = 0; i < length && spaces < 3; i++) {
            if (stat[i] == ' ') spaces++;
        }
        long session = 0;
        int digits = 0;
        for (; i < length && stat[i] >= '0' && stat[i] <= '9' && digits < 19; i++, digits++) session = session * 10 + (stat[i] - '0');
        return new ProcStat(pid, digits == 0 ? -1 : session, zombie);
    }

    /** A /proc entry's pid, or -1 for the entries that are not processes (self, net, sys, ...). */
    private static long pid(String name) {
        if (name.isEmpty() || name.length() > 10) return -1;
        long pid = 0;
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            if (c < '0' || c > '9') return -1;
            pid = pid * 10 + (c - '0');
        }
        return pid;
    }
}
