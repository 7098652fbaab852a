package io.routesync.iproute2;

import io.routesync.model.Family;
import io.routesync.model.FwMark;
import io.routesync.model.Interface;
import io.routesync.model.InvalidValueException;
import io.routesync.model.PortRange;
import io.routesync.model.Prefix;
import io.routesync.model.Priority;
import io.routesync.model.Rule;
import io.routesync.model.RuleAction;
import io.routesync.model.TableId;
import io.routesync.model.UidRange;

/** The fields of a rule while it is being read (text or JSON); {@link #build} validates through the model. */
final class RuleFields {
    Priority priority;
    boolean not;
    Prefix from;
    Prefix to;
    int tos;
    FwMark fwmark;
    Interface iif;
    Interface oif;
    UidRange uidRange;
    int ipProto;
    PortRange sport;
    PortRange dport;
    boolean l3mdev;
    long tunId;
    RuleAction action;
    TableId table;
    Priority gotoTarget;
    int suppressPrefixLength = -1;
    int suppressIfgroup = -1;
    long realms;
    int protocol = -1;

    /** Builds the rule; a model error becomes a SyntaxException for the whole input (token -1). */
    Rule build(Family family) throws SyntaxException {
        try {
            Rule.Builder b = Rule.builder(family).priority(priority).not(not).from(from).to(to).tos(tos).fwmark(fwmark)
                    .iif(iif).oif(oif).uidRange(uidRange).ipProto(ipProto).sport(sport).dport(dport).l3mdev(l3mdev)
                    .tunId(tunId).table(table).suppressPrefixLength(suppressPrefixLength)
                    .suppressIfgroup(suppressIfgroup).realms(realms).protocol(protocol);
            // the builder's gotoTarget() also sets the action, so set the target first and the action last
            if (gotoTarget != null) b.gotoTarget(gotoTarget);
            return b.action(action).build();
        } catch (InvalidValueException e) {
            throw new SyntaxException(-1, e.getMessage(), e.expected());
        }
    }
}
