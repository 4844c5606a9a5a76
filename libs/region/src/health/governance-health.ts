import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum HealthLevel {
  OK = 'ok',
  WATCH = 'watch',
  ALERT = 'alert',
}
registerEnumType(HealthLevel, { name: 'HealthLevel', description: 'Governance health: OK, to watch, alert.' });

const RANK: Record<HealthLevel, number> = { ok: 0, watch: 1, alert: 2 };

@ObjectType({ description: 'One finding about a CPTS governance, as a French sentence.' })
export class HealthSignal {
  @Field(() => HealthLevel) level: HealthLevel;
  @Field() text: string;
}

@ObjectType({ description: "A CPTS's governance health: the worst level of its signals, and the signals explaining it." })
export class GovernanceHealth {
  @Field(() => HealthLevel) level: HealthLevel;
  @Field(() => [HealthSignal]) signals: HealthSignal[];
}

/** What the health rules need of one governance instance (bureau, CA, AG, commission). */
export interface InstanceFacts {
  kind: 'bureau' | 'ca' | 'ag' | 'commission';
  name: string;
  createdAt: Date;
  lastMeetingAt: Date | null;
  /** Mandates in force ending within 90 days, and the soonest end. */
  mandatesEnding: number;
  soonestEnd: Date | null;
}

/** The SQL of InstanceFacts for a list of CPTS ($1): governance's instances, their meetings and mandates, as of now. */
export const INSTANCE_FACTS_SQL = `
SELECT i.tenant_id, i.kind, i.name, i.created_at AS "createdAt",
       (SELECT max(m.starts_at) FROM meetings m
         WHERE m.tenant_id = i.tenant_id AND m.owner_kind = 'governance_instance' AND m.owner_id = i.id
           AND m.status = 'scheduled' AND m.starts_at <= now()) AS "lastMeetingAt",
       e.n AS "mandatesEnding", e.soonest AS "soonestEnd"
  FROM governance_instances i
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS n, min(md.ends_on)::timestamptz AS soonest FROM governance_mandates md
     WHERE md.tenant_id = i.tenant_id AND md.instance_id = i.id AND md.starts_on <= current_date
       AND md.ends_on >= current_date AND md.ends_on < current_date + 90 AND (md.ended_on IS NULL OR md.ended_on > current_date)
  ) e
 WHERE i.tenant_id = ANY($1)
 ORDER BY array_position(ARRAY['bureau', 'ca', 'ag', 'commission'], i.kind), i.name`;

/** Without a meeting for this long, an instance is flagged (months): the CA and the bureau meet several times a year, the AG yearly. */
const SILENCE: Partial<Record<InstanceFacts['kind'], { months: number; level: HealthLevel }>> = {
  bureau: { months: 3, level: HealthLevel.WATCH },
  ca: { months: 6, level: HealthLevel.ALERT },
  ag: { months: 15, level: HealthLevel.ALERT },
};

const DAY = 24 * 3600 * 1000;

function monthsBetween(from: Date, to: Date): number {
  return (
    (to.getUTCFullYear() - from.getUTCFullYear()) * 12 +
    (to.getUTCMonth() - from.getUTCMonth()) -
    (to.getUTCDate() < from.getUTCDate() ? 1 : 0)
  );
}

const plural = (n: number, one: string, many: string) => (n > 1 ? many : one);

/**
 * The governance health of one CPTS, explained: pure rules over its
 * instances' facts and the decisions closed without quorum this year.
 */
export function governanceHealth(instances: InstanceFacts[], closedWithoutQuorum: number, now: Date): GovernanceHealth {
  const signals: HealthSignal[] = [];
  if (instances.length === 0) {
    signals.push({ level: HealthLevel.WATCH, text: 'Aucune instance de gouvernance enregistrée' });
  }
  for (const i of instances) {
    if (i.mandatesEnding > 0 && i.soonestEnd) {
      const days = Math.max(0, Math.round((i.soonestEnd.getTime() - now.getTime()) / DAY));
      const when = i.mandatesEnding > 1 ? `le premier dans ${days} jours` : `dans ${days} jours`;
      signals.push({
        level: days <= 30 ? HealthLevel.ALERT : HealthLevel.WATCH,
        text: `${i.name} : ${i.mandatesEnding} ${plural(i.mandatesEnding, 'mandat se termine', 'mandats se terminent')} ${when}`,
      });
    }
    const rule = SILENCE[i.kind];
    if (!rule || monthsBetween(i.createdAt, now) < rule.months) continue;
    if (!i.lastMeetingAt) {
      signals.push({ level: rule.level, text: `Aucune réunion « ${i.name} » enregistrée` });
    } else {
      const months = monthsBetween(i.lastMeetingAt, now);
      if (months >= rule.months) signals.push({ level: rule.level, text: `Aucune réunion « ${i.name} » depuis ${months} mois` });
    }
  }
  if (closedWithoutQuorum > 0) {
    signals.push({
      level: closedWithoutQuorum >= 3 ? HealthLevel.ALERT : HealthLevel.WATCH,
      text: `${closedWithoutQuorum} ${plural(closedWithoutQuorum, 'décision close', 'décisions closes')} sans quorum cette année`,
    });
  }
  signals.sort((a, b) => RANK[b.level] - RANK[a.level]);
  const level = signals[0]?.level ?? HealthLevel.OK;
  if (signals.length === 0)
    signals.push({ level: HealthLevel.OK, text: 'Gouvernance à jour : instances réunies, pas de mandat arrivant à échéance' });
  return { level, signals };
}
