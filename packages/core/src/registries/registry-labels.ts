/** The registries' codes a person reads, in both languages (see `format/labels.ts`). Node-free. */
import type { Labels } from '../format/labels.ts';
import type { LegalStage, RegistryKind, TaskStatus } from './registry-schemas.ts';

export const STAGE_LABELS: Labels<LegalStage> = {
  drafting: ['Đang soạn thảo', 'Being drafted'],
  submitted: ['Đã trình Chính phủ, Thủ tướng', 'Submitted to the Government'],
  issued_gov: ['Chính phủ, Thủ tướng đã ban hành', 'Issued by the Government'],
  issued_ministry: ['Bộ đã ban hành', 'Issued by the ministry'],
};

export const TASK_STATUS_LABELS: Labels<(typeof TaskStatus.options)[number]> = {
  planned: ['Chưa thực hiện', 'Planned'],
  in_progress: ['Đang thực hiện', 'In progress'],
  slipped: ['Chậm tiến độ', 'Slipped'],
  done: ['Đã hoàn thành', 'Done'],
  cancelled: ['Đã hủy', 'Cancelled'],
};

export const REGISTRY_KIND_LABELS: Labels<RegistryKind> = {
  legal_document: ['Văn bản', 'Legal documents'],
  task: ['Nhiệm vụ', 'Tasks'],
  activity: ['Hoạt động', 'Activities'],
  notable_issue: ['Vấn đề nổi bật', 'Notable issues'],
  petition: ['Kiến nghị cử tri', 'Voter petitions'],
};
