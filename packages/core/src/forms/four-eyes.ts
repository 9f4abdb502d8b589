import { ConfigSchema } from '../config.ts';
import { BaocaoError } from '../errors.ts';

/**
 * Whether a form must be approved by someone other than the person who submitted it (the four-eyes
 * rule). On by default; a deployment with a single officer may turn it off with
 * `BAOCAO_FOUR_EYES=off`.
 */
export const fourEyesRequired = (): boolean =>
  ConfigSchema.shape.BAOCAO_FOUR_EYES.parse(process.env.BAOCAO_FOUR_EYES) !== 'off';

/** Refuses an approval by the form's own submitter, when the deployment requires four eyes. */
export function requireSecondPerson(approver: string, submitter: string | null): void {
  if (!fourEyesRequired() || submitter !== approver) return;
  throw new BaocaoError(
    'SELF_APPROVAL',
    `Người gửi biểu mẫu (${submitter}) không được tự duyệt; một cán bộ khác phải duyệt (nguyên tắc bốn mắt)`,
    `The person who submitted the form (${submitter}) may not approve it; another officer must (four-eyes rule)`,
    { status: 403 },
  );
}
