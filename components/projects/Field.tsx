/** A labelled form field with its help text and error message wired for screen readers. */
import type { ComponentChildren } from 'preact';

export interface FieldProps {
  id: string;
  label: string;
  help?: string;
  error?: string;
  class?: string;
  children: ComponentChildren;
}

export function Field({ id, label, help, error, class: cls, children }: FieldProps) {
  return (
    <div class={`v-field${cls ? ` ${cls}` : ''}`}>
      <label class="v-label" for={id}>
        {label}
      </label>
      {children}
      {error ? (
        <span class="v-error-text" id={`${id}-error`} role="alert">
          {error}
        </span>
      ) : help ? (
        <span class="v-help" id={`${id}-help`}>
          {help}
        </span>
      ) : null}
    </div>
  );
}

/** aria attributes for the input inside a Field. */
export function fieldAria(id: string, error?: string, help?: string) {
  return {
    id,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? `${id}-error` : help ? `${id}-help` : undefined,
  };
}
