import { describe, expect, it } from 'vitest';
import { LegalStage, RegistryKindSchema, TaskStatus } from '../registries/registry-schemas.ts';
import { ROLES } from '../roles.ts';
import { ClosedBy, PERIOD_STATE_LABELS } from '../periods/period-schemas.ts';
import { FigureStatus, FormStatus, IndicatorKind, UnitKind } from '../schemas.ts';
import { REGISTRY_KIND_LABELS, STAGE_LABELS, TASK_STATUS_LABELS } from '../registries/registry-labels.ts';
import { ProtectionStatus } from '../infosystems/infosys-schemas.ts';
import { OWNER_KIND } from '../infosystems/infosys-figures.ts';
import {
  INDICATOR_KIND_LABELS,
  OWNER_KIND_LABELS,
  PROTECTION_LABELS,
  type Labels,
  ROLE_LABELS,
  STATUS_LABELS,
  UNIT_KIND_LABELS,
  labelOf,
} from './labels.ts';

const tables: [string, Labels<string>, readonly string[]][] = [
  ['roles', ROLE_LABELS, ROLES],
  ['unit kinds', UNIT_KIND_LABELS, UnitKind.options],
  ['indicator kinds', INDICATOR_KIND_LABELS, IndicatorKind.options],
  ['legal stages', STAGE_LABELS, LegalStage.options],
  ['task statuses', TASK_STATUS_LABELS, TaskStatus.options],
  ['form statuses', STATUS_LABELS, [...FormStatus.options, ...FigureStatus.options]],
  ['registry kinds', REGISTRY_KIND_LABELS, RegistryKindSchema.options],
  ['period states', PERIOD_STATE_LABELS, [...ClosedBy.options, 'open']],
  ['protection of information systems', PROTECTION_LABELS, ProtectionStatus.options],
  ['owner kinds', OWNER_KIND_LABELS, [...new Set(Object.values(OWNER_KIND))]],
];

describe('labels a person reads for each code', () => {
  it.each(tables)(
    '%s: every code has a Vietnamese and an English label, neither the code itself',
    (_, t, codes) => {
      for (const code of codes) {
        const [vi, en] = [labelOf(t, code, 'vi'), labelOf(t, code, 'en')];
        expect(vi, code).not.toBe(code);
        expect(en, code).not.toBe(code);
        expect(vi.trim() && en.trim(), code).toBeTruthy();
      }
      // No label for a code that no longer exists.
      expect(Object.keys(t).sort()).toEqual([...codes].sort());
    },
  );

  it('an unknown code reads as itself rather than as nothing', () => {
    expect(labelOf(ROLE_LABELS, 'auditor', 'vi')).toBe('auditor');
    expect(labelOf(ROLE_LABELS, 'officer', 'vi')).toBe('Cán bộ tổng hợp');
  });
});
