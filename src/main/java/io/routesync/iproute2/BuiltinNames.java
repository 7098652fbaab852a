package io.routesync.iproute2;

/**
 * The names iproute2 knows without reading any file (lib/rt_names.c), plus the entries Debian ships in
 * /etc/iproute2 and /etc/protocols, so output printed with names on a stock host reads back here.
 */
final class BuiltinNames {
    private BuiltinNames() {
    }

    static final NameTable PROTOCOLS = NameTable.of(
            0, "unspec", 1, "redirect", 2, "kernel", 3, "boot", 4, "static", 8, "gated", 9, "ra", 10, "mrt",
            11, "zebra", 12, "bird", 13, "dnrouted", 14, "xorp", 15, "ntk", 16, "dhcp", 18, "keepalived",
            42, "babel", 99, "openr", 186, "bgp", 187, "isis", 188, "ospf", 189, "rip", 192, "eigrp");

    /** Route scopes; "universe" is the kernel's word for global, accepted on input only. */
    static final NameTable SCOPES = NameTable.of(
            0, "global", 200, "site", 253, "link", 254, "host", 255, "nowhere", 0, "universe");

    /** rt_dsfield: DSCP class names for tos values ("default" is iproute2's name for 0). */
    static final NameTable DSFIELD = NameTable.of(
            0x00, "default",
            0x28, "AF11", 0x30, "AF12", 0x38, "AF13", 0x48, "AF21", 0x50, "AF22", 0x58, "AF23",
            0x68, "AF31", 0x70, "AF32", 0x78, "AF33", 0x88, "AF41", 0x90, "AF42", 0x98, "AF43",
            0x20, "CS1", 0x40, "CS2", 0x60, "CS3", 0x80, "CS4", 0xa0, "CS5", 0xc0, "CS6", 0xe0, "CS7",
            0xb8, "EF");

    /** rt_realms: iproute2 calls realm 0 "unknown", Debian's file calls it "cosmos". */
    static final NameTable REALMS = NameTable.of(0, "unknown", 0, "cosmos");

    /** IP protocol numbers for {@code ipproto}, as /etc/protocols names them (0 is "no selector"). */
    static final NameTable IP_PROTOCOLS = NameTable.of(
            1, "icmp", 2, "igmp", 3, "ggp", 4, "ipencap", 5, "st", 6, "tcp", 8, "egp", 9, "igp", 12, "pup",
            17, "udp", 20, "hmp", 22, "xns-idp", 27, "rdp", 29, "iso-tp4", 33, "dccp", 36, "xtp", 37, "ddp",
            38, "idpr-cmtp", 41, "ipv6", 43, "ipv6-route", 44, "ipv6-frag", 45, "idrp", 46, "rsvp", 47, "gre",
            50, "esp", 51, "ah", 57, "skip", 58, "ipv6-icmp", 59, "ipv6-nonxt", 60, "ipv6-opts", 73, "rspf",
            81, "vmtp", 88, "eigrp", 89, "ospf", 93, "ax.25", 94, "ipip", 97, "etherip", 98, "encap",
            103, "pim", 108, "ipcomp", 112, "vrrp", 115, "l2tp", 124, "isis", 132, "sctp", 133, "fc",
            135, "mobility-header", 136, "udplite", 137, "mpls-in-ip", 138, "manet", 139, "hip", 140, "shim6",
            141, "wesp", 142, "rohc", 143, "ethernet",
            // the upper-case aliases /etc/protocols lists, which getprotobyname accepts on input
            1, "ICMP", 6, "TCP", 17, "UDP", 47, "GRE", 50, "IPSEC-ESP", 51, "IPSEC-AH", 58, "IPv6-ICMP",
            132, "SCTP", 136, "UDPLite");
}
