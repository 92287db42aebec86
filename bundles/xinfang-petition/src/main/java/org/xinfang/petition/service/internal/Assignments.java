package org.xinfang.petition.service.internal;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.node.NodeInfo;
import org.xinfang.node.NodeService;
import org.xinfang.node.Unit;
import org.xinfang.petition.Attr;
import org.xinfang.petition.Attributes;
import org.xinfang.petition.EventType;
import org.xinfang.petition.NewEvent;
import org.xinfang.petition.NotFoundException;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PetitionStore;
import org.xinfang.petition.ValidationException;
import org.xinfang.rules.Authority;
import org.xinfang.rules.CaseState;
import org.xinfang.rules.Holders;

/** Routes a case to a unit below this node (交办, R2022 Art. 22): who may, at which stage, to which unit. */
final class Assignments {
    private static final Logger LOG = LoggerFactory.getLogger(Assignments.class);

    private final PetitionStore store;
    private final NodeService node;
    private final Clock clock;

    Assignments(PetitionStore store, NodeService node, Clock clock) {
        this.store = store;
        this.node = node;
        this.clock = clock;
    }

    Petition assign(String id, String unit, String note, org.xinfang.petition.Actor actor, Integer version) {
        // the role first, as the REST API did before the service checked it: a caller without it learns nothing of
        // the case
        if (!actor.hasAny(PetitionService.ASSIGNERS)) {
            String roles = String.join(", ", new java.util.TreeSet<>(PetitionService.ASSIGNERS));
            throw new org.xinfang.lifecycle.ForbiddenActionException("当前用户无权交办，需要角色 " + roles
                    + " / assign needs one of the roles " + roles);
        }
        NodeInfo self = node.info();
        String here = self.unit().code();
        Petition current = store.get(id).orElseThrow(
                () -> new NotFoundException("未找到编号为 " + id + " 的信访事项 / no petition with id " + id));
        if (version != null && version != current.version()) {
            throw new org.xinfang.petition.VersionConflictException(id, version, current.version());
        }
        CaseState state = CaseState.of(current);
        Authority.checkStage(state, EventType.ASSIGNED);
        Authority.checkUnit(state, EventType.ASSIGNED, here, node.units());
        if (unit == null || unit.isBlank()) {
            throw new ValidationException("unit", "required", "请指定承办单位 / the unit to assign to is required");
        }
        Unit target = node.units().get(unit.strip()).orElseThrow(() -> new ValidationException("unit", "unknown_unit",
                "组织机构中没有单位 " + unit + " / no unit " + unit + " in the organisation tree"));
        NewEvent event = new NewEvent(EventType.ASSIGNED, actor.person(), here, self.nodeId(), clock.instant(),
                Attributes.builder().put(Attr.UNIT, target.code()).build(), note);
        Authority.checkFacts(state, event, node.units());
        Petition after = store.append(id, current.version(), event, holdersAfter(node, current, state, event));
        LOG.info("petition {} assigned to {} by {}", id, target.code(), actor.user());
        return after;
    }

    /** The children of this node that hold a copy of the case once the event is recorded. */
    static java.util.Set<String> holdersAfter(NodeService node, Petition p, CaseState state, NewEvent event) {
        return Holders.of(state.next(event.recorded(p.version() + 1, "pending")), node.info().unit().code(),
                node.units());
    }
}
