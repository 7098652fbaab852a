package io.routesync.iproute2;

import java.util.List;

/**
 * The entries the golden fixtures are made of: every kind of rule and route iproute2 can print, as
 * {@code ip rule add} / {@code ip route add} arguments. {@link FixtureCapture} adds them to a namespace;
 * the golden tests check that each one, read back from the kernel's output, equals what the add grammar
 * predicts from these very words.
 */
final class FixtureCases {
    private FixtureCases() {
    }

    /** Links, addresses and nexthop objects the entries need (both ends of each veth pair up). */
    static final List<String> LINKS = List.of(
            "link add d0 type veth peer name d0p", "link add d1 type veth peer name d1p",
            "link add d2 type veth peer name d2p", "link add d3 type veth peer name d3p",
            "link set d0 up", "link set d0p up", "link set d1 up", "link set d1p up",
            "link set d2 up", "link set d2p up", "link set d3 up", "link set d3p up",
            "addr add 192.0.2.1/24 dev d0", "addr add 198.51.100.1/24 dev d1",
            "addr add 198.51.101.1/24 dev d2", "addr add 198.51.102.1/24 dev d3",
            "-6 addr add 2001:db8::1/64 dev d0 nodad", "-6 addr add 2001:db8:1::1/64 dev d1 nodad",
            "-6 addr add 2001:db8:2::1/64 dev d2 nodad", "-6 addr add 2001:db8:3::1/64 dev d3 nodad",
            "nexthop add id 1 via 192.0.2.254 dev d0", "-6 nexthop add id 2 via 2001:db8::fe dev d0");

    /** After the routes are in: a peer down gives "linkdown", an own device down gives "dead linkdown". */
    static final List<String> LINK_STATE = List.of("link set d2p down", "link set d3 down");

    static final String TABLE = "100";

    static final List<String> ROUTES_INET = List.of(
            "default via 192.0.2.254 dev d0",
            "10.11.0.0/16 dev d0 scope link",
            "10.12.0.0/16 via 192.0.2.254 dev d0 proto static src 192.0.2.1 metric 50",
            "unreachable 10.13.0.0/16",
            "blackhole 10.14.0.0/16",
            "prohibit 10.15.0.0/16",
            "throw 10.16.0.0/16",
            "10.17.0.0/16 via 192.0.2.254 dev d0 realm 5",
            "10.17.1.0/24 via 192.0.2.254 dev d0 realms 3/4",
            "10.18.0.0/16 tos 0x10 via 192.0.2.254 dev d0",
            "10.18.0.0/16 tos AF11 via 192.0.2.254 dev d0",
            "10.19.0.0/16 via 192.0.2.254 dev d0 mtu lock 1400 advmss 1360 initcwnd 10",
            "10.20.0.0/16 nexthop via 192.0.2.254 dev d0 weight 1 nexthop via 198.51.100.254 dev d1 weight 3",
            "10.21.0.0/16 via 203.0.113.1 dev d0 onlink",
            "local 10.22.0.1 dev d0",
            "10.23.0.0/16 via 192.0.2.254 dev d0 rtt 100ms rttvar 20ms rto_min 30ms",
            "10.24.0.0/16 via 192.0.2.254 dev d0 congctl lock cubic",
            "10.25.0.0/16 via 192.0.2.254 dev d0 window 1000 ssthresh 20 cwnd 10 reordering 3 hoplimit 64 features ecn"
                    + " initrwnd 20 quickack 1 fastopen_no_cookie 1",
            "10.26.0.0/16 via 192.0.2.254 dev d0 rtt 1.5s",
            "10.27.0.1 via 192.0.2.254 dev d0 proto 245 metric 100",
            "10.28.0.0/16 via inet6 fe80::1 dev d0",
            "10.29.0.0/16 dev d0 scope host",
            "10.30.0.0/16 via 192.0.2.254 dev d0 congctl reno",
            "10.31.0.0/16 nexthop via 192.0.2.254 dev d0 onlink nexthop dev d1 weight 2",
            "broadcast 10.32.0.255 dev d0",
            "anycast 10.33.0.0/16 dev d0",
            "multicast 224.1.0.0/16 dev d0",
            "10.40.0.0/16 nhid 1",
            "10.41.0.0/16 via 192.0.2.254 dev d0 proto static scope 200",
            "10.42.0.0/16 via 192.0.2.254 dev d0 rto_min 2s",
            "10.43.0.0/16 via 192.0.2.254 dev d0 metric 10",
            "10.43.0.0/16 via 198.51.100.254 dev d1 metric 20",
            "10.44.0.0/16 via 192.0.2.254 dev d0 mtu 1300 rtt lock 2500ms",
            "10.45.0.0/16 via 198.51.101.254 dev d2",
            "10.46.0.0/16 nexthop via 192.0.2.254 dev d0 nexthop via 198.51.102.254 dev d3 weight 2",
            "10.47.0.0/16 via 192.0.2.254 dev d0 proto 99 metric 4294967295",
            "10.48.0.0/24 dev d0 src 192.0.2.1 tos 0x04 scope 0");

    static final List<String> ROUTES_INET6 = List.of(
            "2001:db8:12::/48 via 2001:db8::fe dev d0 proto static metric 10 pref high",
            "unreachable 2001:db8:13::/48",
            "blackhole 2001:db8:14::/48",
            "prohibit 2001:db8:15::/48",
            "throw 2001:db8:16::/48",
            "2001:db8:17::/48 dev d0",
            "2001:db8:18::/48 from 2001:db8:abcd::/48 via 2001:db8::fe dev d0",
            "2001:db8:19::1 via 2001:db8::fe dev d0 mtu 1300",
            "2001:db8:20::/48 nexthop via 2001:db8::fe dev d0 weight 1 nexthop via 2001:db8:1::fe dev d1 weight 2",
            "local 2001:db8:22::1 dev d0",
            "2001:db8:24::/48 nhid 2",
            "2001:db8:25::/48 via 2001:db8::fe dev d0 metric 5 mtu lock 1280 hoplimit 10 rtt 2s",
            "2001:db8:26::/48 via 2001:db8::fe dev d0 onlink",
            "2001:db8:28::/48 from 2001:db8:abcd::/48 dev d0",
            "2001:db8:28::/48 dev d0",
            "2001:db8:2a::/48 via 2001:db8::fe dev d0 src 2001:db8::1 proto 245",
            "default via fe80::1 dev d0 pref low",
            "2001:db8:2b::/48 via 2001:db8::fe dev d0 metric 1 congctl lock reno features ecn",
            "2001:db8:2c::/48 via 2001:db8::fe dev d0 metric 1024",
            "anycast 2001:db8:77::/64 dev d0",
            "multicast ff05::/16 dev d0",
            "2001:db8:2d::/48 via 2001:db8:2::fe dev d2",
            "2001:db8:2e::/48 nexthop via 2001:db8::fe dev d0 nexthop via 2001:db8:3::fe dev d3 weight 4",
            "2001:db8:2f::/64 via 2001:db8::fe dev d0 rttvar 250ms rto_min 1s initcwnd 20");

    /** State the grammar does not model: the countdown of an expiring route (read back without it). */
    static final List<String> STATE_ROUTES_INET6 = List.of("2001:db8:21::/48 via 2001:db8::fe dev d0 expires 300");

    static final List<String> RULES_INET = List.of(
            "pref 1000 from 10.1.2.3 to 172.16.0.0/12 lookup 101",
            "pref 1001 not from 10.0.0.0/8 fwmark 0x10/0xff lookup main",
            "pref 1002 tos 0x10 fwmark 0x20 lookup 102",
            "pref 1003 iif nonexist lookup 103",
            "pref 1004 oif nonexist2 lookup 104",
            "pref 1005 iif lo oif d1 lookup 105",
            "pref 1006 uidrange 1000-1999 lookup 106",
            "pref 1007 ipproto tcp sport 1000-2000 dport 443 lookup 107",
            "pref 1008 ipproto udp sport 53 dport 5353-5354 lookup 107",
            "pref 1009 ipproto 200 lookup 107",
            "pref 1010 to 203.0.113.0/24 unreachable",
            "pref 1011 from 198.18.0.0/15 blackhole",
            "pref 1012 from 198.18.0.0/15 prohibit",
            "pref 1013 goto 1050",
            "pref 1014 goto 1016",
            "pref 1015 nop",
            "pref 1016 lookup main suppress_prefixlength 0",
            "pref 1017 lookup 108 suppress_ifgroup default",
            "pref 1018 lookup 109 suppress_prefixlength 24 suppress_ifgroup 7",
            "pref 1019 lookup 110 realms 1/2",
            "pref 1020 lookup 111 realms 5",
            "pref 1021 lookup 112 realms 2/0",
            "pref 1022 lookup 113 protocol static",
            "pref 1023 from 10.5.0.0/16 lookup 114 protocol 245",
            "pref 1024 lookup 4000000000",
            "pref 1025 l3mdev",
            "pref 1026 tun_id 42 lookup 115",
            "pref 1027 not iif d0 tos 0x04 lookup default",
            "pref 1028 fwmark 0x0/0x1 lookup 116",
            "pref 1029 from 10.9.9.9/8 lookup 117",
            "pref 1030 to 192.0.2.7 lookup local",
            "pref 1031 lookup 0x80",
            "pref 1032 type unreachable",
            "priority 1033 dsfield 0x08 dev d1 table 119 protocol boot",
            "from 10.77.0.0/16 lookup 118");

    static final List<String> RULES_INET6 = List.of(
            "pref 100 from 2001:db8:100::/48 lookup 200",
            "pref 101 to 2001:db8:200::1 fwmark 0x3 lookup 201",
            "pref 102 ipproto ipv6-icmp lookup 202",
            "pref 103 tos 0x20 iif d0 lookup 203",
            "pref 104 not to 2001:db8::/32 goto 150",
            "pref 105 from 2001:db8:abcd::1/64 uidrange 0-0 lookup main suppress_prefixlength 64",
            "pref 106 oif d1 sport 22 lookup 204 protocol 245",
            "pref 107 oif nonexist6 lookup 204",
            "pref 108 to 2001:db8:dead::/48 unreachable",
            "pref 109 from 2001:db8:bad::/48 blackhole",
            "pref 110 from 2001:db8:bad::/48 prohibit",
            "pref 111 nop",
            "pref 112 l3mdev",
            "pref 113 tun_id 0x10 lookup 205",
            "pref 114 goto 200",
            "pref 200 lookup default",
            "pref 201 tos EF dport 80-81 ipproto 6 lookup 206");
}
