import type { Form } from '@baocao/core/browser';
import { useApp } from '../app-context.tsx';

/** For whoever reads a handed-in form: the cells it left empty and the reporter's reasons. */
export function EmptyCellsNote({ form }: { form: Form }) {
  const { t, lang } = useApp();
  if (form.emptyCells.length === 0) return null;
  const name = new Map(form.rows.map((r) => [r.indicator, lang === 'en' ? r.nameEn : r.nameVi]));
  return (
    <div className="comment" role="note" data-testid="empty-cells">
      <strong>{t('Chỉ tiêu để trống ({n}):', 'Left empty ({n}):', { n: form.emptyCells.length })}</strong>
      <ul>
        {form.emptyCells.map((c) => (
          <li key={c.indicator}>
            {name.get(c.indicator) ?? c.indicator} — {c.reason ?? t('không ghi lý do', 'no reason given')}
          </li>
        ))}
      </ul>
    </div>
  );
}
