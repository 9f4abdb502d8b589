import { type ClosedBy, type Form, formatNumberVi, readValue } from '@baocao/core/browser';
import { useEffect, useState } from 'react';
import { ApiError, qs } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { useFormat } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { ErrorBox, Loading, Status } from '../ui.tsx';
import { FormTable, type Typed, decimalsOf, inlineError } from './FormTable.tsx';
import { Deadline } from './MyFormsPage.tsx';
import { ReviewPanel } from './ReviewPanel.tsx';
import { call, upload as uploadTo } from '../client.ts';
import { EmptyCellsConfirm, type EmptyReasons } from './EmptyCellsConfirm.tsx';
import { EmptyCellsNote } from './EmptyCellsNote.tsx';

/** Why a form cannot change, by what closed its period (`closedBy`). */
const CLOSED_NOTE: Record<ClosedBy, [string, string]> = {
  admin: [
    'Kỳ báo cáo đã đóng: biểu mẫu không sửa được nữa. Đề nghị cán bộ tổng hợp mở lại kỳ nếu cần sửa.',
    'The reporting period is closed: the form can no longer change. Ask a synthesis officer to reopen it if it must.',
  ],
  lock: [
    'Số liệu của kỳ đã bị khóa: biểu mẫu không sửa được. Đề nghị cán bộ tổng hợp mở khóa nếu cần sửa.',
    'The period’s figures are locked: the form cannot change. Ask a synthesis officer to unlock them if it must.',
  ],
  not_ended: [
    'Kỳ báo cáo chưa kết thúc: biểu mẫu nhận số liệu sau ngày cuối kỳ.',
    'The period has not ended: the form takes figures after its last day.',
  ],
};

// Stored values are shown the way the form reads them: "1.200.000", "125,5" (readValue reads them back).
const typedOf = (f: Form): Record<string, Typed> =>
  Object.fromEntries(
    f.rows.map((r) => [
      r.indicator,
      {
        text: r.value === null ? '' : formatNumberVi(r.value, decimalsOf(r.value)),
        status: r.status,
        explanation: r.explanation ?? '',
      },
    ]),
  );

/** One unit's form: entry for its reporter, review for the ministry. */
export function FormPage() {
  const { t, lang, params, can } = useApp();
  const fmt = useFormat();
  const { unit = '', period = '' } = params;
  const form = useLoad(['GET /api/forms', unit, period], () =>
    call('GET /api/forms', { query: { unit, period } }),
  );
  const [typed, setTyped] = useState<Record<string, Typed>>({});
  const [error, setError] = useState<Error | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (form.data) setTyped(typedOf(form.data));
  }, [form.data]);
  // After a refused save, the first red cell takes the focus, in view: on a phone it is far above
  // the buttons and the message (issue 25, finding 16).
  const [refused, setRefused] = useState(0);
  useEffect(() => {
    const cell = document.querySelector<HTMLInputElement>('table.form input[aria-invalid="true"]');
    if (!refused || !cell) return;
    cell.focus({ preventScroll: true });
    cell.scrollIntoView({ block: 'center' });
  }, [refused]);
  if (form.loading && !form.data) return <Loading />;
  if (!form.data) return <ErrorBox error={form.error} />;
  const f = form.data;
  // What may be done with the form is the server's answer (its state and the person's scope).
  const editable = f.abilities.edit;
  // Sent as numbers read the Vietnamese way, as the fields say (45.600 is forty-five thousand six hundred).
  const values = f.rows.map((r) => {
    const text = typed[r.indicator]?.text ?? '';
    const read = readValue(text, r, 'vi');
    return {
      indicator: r.indicator,
      value: 'value' in read ? read.value : text,
      status: typed[r.indicator]?.status,
      explanation: typed[r.indicator]?.explanation || null,
    };
  });
  const empty = f.rows.filter((r) => (typed[r.indicator]?.text ?? '').trim() === '');
  const act = async (what: 'save' | 'submit', reasons?: EmptyReasons) => {
    setNotice('');
    setError(null);
    setServerErrors({});
    if (f.rows.some((r) => inlineError(typed[r.indicator]?.text ?? '', r, t))) {
      setError(
        new Error(
          t('Còn ô nhập sai; sửa các ô báo đỏ rồi thử lại', 'Some cells are wrong; fix the cells marked red'),
        ),
      );
      setRefused((n) => n + 1);
      return;
    }
    // Submitting with empty cells asks first, and sends why they are empty.
    if (what === 'submit' && empty.length > 0 && !reasons) {
      setAsking(true);
      return;
    }
    setAsking(false);
    setBusy(true);
    try {
      const body = { unit: f.unit, period: f.period, values, ...reasons };
      await (what === 'save'
        ? call('PUT /api/forms', { body: body })
        : call('POST /api/forms/submit', { body: body }));
      await form.reload();
      setNotice(
        what === 'save' ? t('Đã lưu nháp', 'Draft saved') : t('Đã gửi để duyệt', 'Submitted for review'),
      );
    } catch (e) {
      if (e instanceof ApiError)
        setServerErrors(
          Object.fromEntries(
            e.details
              .filter((d) => d.row)
              // Rule verdicts name the cell (field = indicator); value errors name the row.
              .map((d) => [
                f.rows.some((r) => r.indicator === d.field)
                  ? d.field!
                  : (values[d.row! - 1]?.indicator ?? ''),
                lang === 'en' ? d.messageEn : d.message,
              ]),
          ),
        );
      setError(e instanceof Error ? e : new Error(String(e)));
      setRefused((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };
  const upload = async (file: File) => {
    setError(null);
    setNotice('');
    try {
      await uploadTo(
        'POST /api/forms/import',
        { query: { unit: f.unit, period: f.period, filename: file.name } },
        file,
      );
      await form.reload();
      setNotice(t('Đã nạp tệp {file} vào bản nháp', 'Loaded {file} into the draft', { file: file.name }));
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    }
  };
  return (
    <section>
      <h1>
        {t('Biểu mẫu', 'Form')}: {lang === 'en' ? f.unitNameEn : f.unitName} — {fmt.period(f.period)}
      </h1>
      <p className="meta">
        <Status status={f.status} /> · {t('Hạn nộp', 'Deadline')}: <Deadline f={f} />
        {f.submittedAt &&
          ` · ${t('gửi bởi {who} lúc {at}', 'submitted by {who} at {at}', { who: f.submittedByName ?? '', at: fmt.dateTime(f.submittedAt) })}`}
        {f.reviewedAt &&
          ` · ${t('xem xét bởi {who} lúc {at}', 'reviewed by {who} at {at}', { who: f.reviewedByName ?? '', at: fmt.dateTime(f.reviewedAt) })}`}
        {` · ${t('Đã nhập {filled}/{required} chỉ tiêu', '{filled}/{required} indicators entered', { filled: f.filled, required: f.required })}`}
      </p>
      <EmptyCellsNote form={f} />
      {f.closedBy && (
        <div className="comment" role="note">
          {t(CLOSED_NOTE[f.closedBy][0], CLOSED_NOTE[f.closedBy][1])}
        </div>
      )}
      {/* The server sends a return reason only while the form is returned; once resubmitted it is history. */}
      {f.comment && (
        <div className="comment" role="note">
          <strong>{t('Lý do trả lại:', 'Returned because:')}</strong> {f.comment}
        </div>
      )}
      <FormTable
        rows={f.rows}
        typed={typed}
        editable={editable}
        serverErrors={serverErrors}
        onChange={(k, v) => setTyped({ ...typed, [k]: v })}
      />
      <ErrorBox error={error} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {editable && asking && (
        <EmptyCellsConfirm
          empty={empty}
          busy={busy}
          onSubmit={(reasons) => void act('submit', reasons)}
          onCancel={() => setAsking(false)}
        />
      )}
      {editable && !asking && (
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => act('save')}>
            {t('Lưu nháp', 'Save draft')}
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => act('submit')}>
            {t('Gửi duyệt', 'Submit')}
          </button>
          <a className="button" href={`/api/template?${qs({ unit: f.unit, period: f.period })}`}>
            {t('Tải biểu mẫu XLSX', 'Download XLSX template')}
          </a>
          <label className="button">
            {t('Tải lên tệp đã điền', 'Upload filled file')}
            <input
              type="file"
              accept=".xlsx,.csv,.json"
              hidden
              onChange={(e) => e.target.files?.[0] && upload(e.target.files[0])}
            />
          </label>
        </div>
      )}
      {can('form.review') && <ReviewPanel form={f} onDone={form.reload} />}
    </section>
  );
}
