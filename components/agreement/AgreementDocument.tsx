/** The agreement as an editable document; read back by read-dom.ts (keep the two in step). */
import type { Ref } from 'preact';
import type { AgreementDoc } from '../../lib/domain/agreement';

export interface AgreementDocumentProps {
  doc: AgreementDoc;
  articleRef: Ref<HTMLElement>;
  onEdit: () => void;
}

export function AgreementDocument({ doc, articleRef, onEdit }: AgreementDocumentProps) {
  return (
    <article
      ref={articleRef}
      class="ag-doc"
      data-testid="agreement-text"
      contentEditable
      role="textbox"
      aria-multiline="true"
      aria-label="Agreement text (you can edit it)"
      spellcheck
      onInput={onEdit}
    >
      <h1>{doc.title}</h1>
      {doc.sections.map((s) => {
        const List = s.ordered ? 'ol' : 'ul';
        return (
          <section key={s.id} data-section={s.id}>
            {s.heading && <h2>{s.heading}</h2>}
            {s.paragraphs.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
            {s.items.length > 0 && (
              <List>
                {s.items.map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </List>
            )}
          </section>
        );
      })}
      <footer>{doc.disclaimer}</footer>
    </article>
  );
}
