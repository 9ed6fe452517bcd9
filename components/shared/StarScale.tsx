/** A 1–5 score picker: native radios (arrow keys work), drawn as stars. */
import { Star } from 'lucide-preact';

export interface StarScaleProps {
  name: string;
  label: string;
  value: number | null;
  onChange: (n: number) => void;
}

export function StarScale({ name, label, value, onChange }: StarScaleProps) {
  return (
    <fieldset class="rf-scale">
      <legend class="rf-scale__legend v-small">{label}</legend>
      <div class="rf-stars">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} class={`rf-star${(value ?? 0) >= n ? ' rf-star--on' : ''}`} title={`${n} of 5`}>
            <input
              type="radio"
              class="v-sr-only"
              name={name}
              value={n}
              checked={value === n}
              aria-label={`${label} ${n} of 5`}
              onChange={() => onChange(n)}
            />
            <Star size={20} aria-hidden="true" />
          </label>
        ))}
      </div>
    </fieldset>
  );
}
