import type { ReportBlock, ReportFigure, ReportSection } from '@baocao/core/browser';
import { useState } from 'react';
import { useApp } from '../app-context.tsx';

/** The plain text of generated blocks, as an editor starts from when changing a section. */
export function blocksText(blocks: ReportBlock[]): string {
  return blocks
    .map((b) =>
      b.type === 'paragraph' || b.type === 'subheading'
        ? b.text
        : b.type === 'list'
          ? b.items.map((i) => `- ${i.text}`).join('\n')
          : '',
    )
    .filter(Boolean)
    .join('\n\n');
}

/** Where a paragraph's numbers come from, for its tooltip: "VT.DOANH_THU · VN · 2024M08 = 1.250 (official)". */
const sourceOf = (ids: string[], figures: Map<string, ReportFigure>) =>
  ids
    .map((id) => figures.get(id))
    .filter((f): f is ReportFigure => !!f)
    .map((f) => f.text)
    .join('\n');

/**
 * One section of a report as it will print: the generated text in place, each passage computed from
 * data marked as such (with where its numbers come from), tables and charts by their captions. An
 * editor opens the section's text to change it, starting from what was generated, or goes back to it.
 */
export function ReportSectionCard(props: {
  section: ReportSection;
  title: string;
  figures: Map<string, ReportFigure>;
  editable: boolean;
  onSave(text: string | null): Promise<boolean>;
}) {
  const { t } = useApp();
  const s = props.section;
  const [editing, setEditing] = useState(false);
  // On a phone the sections start folded (a report is pages long), but for the one a link names;
  // on a wider screen, open.
  const [open, setOpen] = useState(
    () => matchMedia('(min-width: 641px)').matches || location.hash === `#muc-${s.id}`,
  );
  const shown = s.edited?.mode === 'replace' ? [] : s.blocks;
  const save = async (text: string | null) => {
    if (await props.onSave(text)) setEditing(false);
  };
  return (
    <section className="card report-section" id={`muc-${s.id}`} aria-label={props.title}>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <h3>{props.title}</h3>
        </summary>
        {shown.map((b, i) => (
          <Block key={i} block={b} figures={props.figures} />
        ))}
        {s.edited && (
          <p className="edited">
            <span className="tag">
              {s.edited.mode === 'replace'
                ? t('Nội dung đã sửa', 'Edited text')
                : t('Phần bổ sung', 'Added text')}
            </span>{' '}
            {s.edited.text}
          </p>
        )}
        {props.editable && !editing && (
          <div className="actions">
            <button type="button" onClick={() => setEditing(true)}>
              {t('Sửa mục', 'Edit section')}
            </button>
            {s.edited && (
              <button type="button" onClick={() => save(null)}>
                {t('Dùng lại nội dung sinh từ số liệu', 'Back to the generated text')}
              </button>
            )}
          </div>
        )}
        {editing && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const text = String(new FormData(e.currentTarget).get('text') ?? '').trim();
              void save(text || null);
            }}
          >
            <textarea
              name="text"
              rows={8}
              defaultValue={s.edited?.text ?? blocksText(s.blocks)}
              aria-label={t('Nội dung mục {title}', 'Text of {title}', { title: props.title })}
            />
            <div className="actions">
              <button type="submit" className="primary">
                {t('Lưu mục', 'Save section')}
              </button>
              <button type="button" onClick={() => setEditing(false)}>
                {t('Hủy', 'Cancel')}
              </button>
            </div>
          </form>
        )}
      </details>
    </section>
  );
}

function Block({ block: b, figures }: { block: ReportBlock; figures: Map<string, ReportFigure> }) {
  const { t } = useApp();
  const fromData = t('Tính từ số liệu', 'Computed from data');
  switch (b.type) {
    case 'subheading':
      return <h4>{b.text}</h4>;
    case 'paragraph':
      return b.figures.length ? (
        <p className="from-data" title={sourceOf(b.figures, figures)}>
          <span className="tag">{fromData}</span> {b.text}
        </p>
      ) : (
        <p>{b.text}</p>
      );
    case 'list':
      return (
        <ul>
          {b.items.map((item, i) => (
            <li
              key={i}
              className={item.figures.length ? 'from-data' : ''}
              title={sourceOf(item.figures, figures)}
            >
              {item.text}
            </li>
          ))}
        </ul>
      );
    case 'table':
    case 'chart':
      return (
        <p className="muted small">
          <span className="tag">{b.type === 'table' ? t('Bảng', 'Table') : t('Biểu đồ', 'Chart')}</span>{' '}
          {b.caption}
        </p>
      );
  }
}
