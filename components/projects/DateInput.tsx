/**
 * A date field with a Clear button: Chromium's date input has no way to empty it with the mouse,
 * and an emptied date is how a signed date, start or deadline is removed.
 */
import { useRef } from 'preact/hooks';
import { X } from 'lucide-preact';
import { fieldAria } from './Field';

export interface DateInputProps {
  id: string;
  /** What is cleared, for the button's accessible name ("Clear contract signed on"). */
  label: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

export function DateInput({ id, label, value, error, onChange }: DateInputProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div class="p-date">
      <input
        ref={input}
        class="v-input"
        type="date"
        {...fieldAria(id, error)}
        value={value}
        onInput={(e) => onChange(e.currentTarget.value)}
      />
      {value && (
        <button
          type="button"
          class="v-btn v-btn--ghost v-btn--sm v-btn--icon"
          aria-label={`Clear ${label.toLowerCase()}`}
          title="Clear"
          onClick={() => {
            onChange('');
            input.current?.focus();
          }}
        >
          <X aria-hidden="true" />
        </button>
      )}
    </div>
  );
}
