import type { Unit } from '../schemas.ts';
import type { UnitGraph } from '../units/unit-graph.ts';
import type { InfosystemData } from './infosys-schemas.ts';

/** A unit is in force on `day` (ISO date) when the day lies within its validity. */
const inForce = (u: Unit, day: string) =>
  (!u.validFrom || u.validFrom <= day) && (!u.validTo || day <= u.validTo);

/** Units that took over from each unit (the reverse of the graph's predecessors). */
export function successorsOf(graph: UnitGraph): Map<number, Unit[]> {
  const out = new Map<number, Unit[]>();
  for (const [succId, preds] of graph.predecessors) {
    const succ = graph.byId.get(succId);
    if (succ) for (const p of preds) out.set(p.id, [...(out.get(p.id) ?? []), succ]);
  }
  return out;
}

/**
 * The unit a system belongs to on `day`: its owner while the owner is in force, afterwards the unit
 * that took the owner over (a province merged on 1 July 2025 hands its systems to the new one),
 * followed as far as needed. Null when no unit holds it that day (an owner not yet in force).
 */
export function ownerOn(
  graph: UnitGraph,
  successors: Map<number, Unit[]>,
  owner: Unit,
  day: string,
): Unit | null {
  if (inForce(owner, day)) return owner;
  if (owner.validFrom && day < owner.validFrom) return null;
  for (const s of successors.get(owner.id) ?? []) {
    const u = ownerOn(graph, successors, s, day);
    if (u) return u;
  }
  return null;
}

/** A system's state on one day: in service or not, its level, approved, protected to its level. */
export interface SystemState {
  unit: Unit;
  level: number;
  approved: boolean;
  deployed: boolean;
}

/**
 * The state of an approved record on `day`: in service from `inServiceFrom` (inclusive) until
 * `retiredOn` (exclusive); its level is the approved one from the decision's date, the proposed one
 * before; protected once deployed. Null when it was not in service or no unit held it that day.
 */
export function stateOn(
  graph: UnitGraph,
  successors: Map<number, Unit[]>,
  owner: Unit,
  d: InfosystemData,
  day: string,
): SystemState | null {
  if (d.inServiceFrom && d.inServiceFrom > day) return null;
  if (d.retiredOn && d.retiredOn <= day) return null;
  const unit = ownerOn(graph, successors, owner, day);
  if (!unit) return null;
  const approved = !!d.approvedLevel && !!d.decisionDate && d.decisionDate <= day;
  return {
    unit,
    level: approved ? d.approvedLevel! : d.proposedLevel,
    approved,
    deployed: approved && d.protection === 'deployed' && !!d.deployedOn && d.deployedOn <= day,
  };
}

/** Counts of a set of systems: total, by level (1–5), approved, protected to level. */
export interface Tally {
  total: number;
  byLevel: number[];
  approved: number;
  deployed: number;
}

export const emptyTally = (): Tally => ({ total: 0, byLevel: [0, 0, 0, 0, 0], approved: 0, deployed: 0 });

export function addTo(t: Tally, s: SystemState): void {
  t.total++;
  t.byLevel[s.level - 1]!++;
  if (s.approved) t.approved++;
  if (s.deployed) t.deployed++;
}

/**
 * Each declaring unit's counts on `day`. A unit that declared systems which are all retired by then
 * still appears, with zeros: it has declared, and declared none in service.
 */
export function tallyOn(
  graph: UnitGraph,
  records: { owner: Unit; data: InfosystemData }[],
  day: string,
): Map<number, Tally> {
  const successors = successorsOf(graph);
  const out = new Map<number, Tally>();
  for (const r of records) {
    if (r.data.inServiceFrom && r.data.inServiceFrom > day) continue;
    const s = stateOn(graph, successors, r.owner, r.data, day);
    const holder = s?.unit ?? ownerOn(graph, successors, r.owner, day);
    if (!holder) continue;
    const t = out.get(holder.id) ?? emptyTally();
    out.set(holder.id, t);
    if (s) addTo(t, s);
  }
  return out;
}
