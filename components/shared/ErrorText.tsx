import { TriangleAlert } from 'lucide-preact';

/** A save or load error, announced to screen readers. */
export function ErrorText({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p class="v-alert v-alert--error ov-alert" role="alert">
      <TriangleAlert size={16} aria-hidden="true" class="ov-alert__icon" />
      <span class="v-user-text">{message}</span>
    </p>
  );
}
