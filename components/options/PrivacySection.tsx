/** What happens to the user's data, in plain words. */
export function PrivacySection() {
  return (
    <div class="v-stack opt-prose">
      <p>
        <strong>Everything stays in this browser.</strong> Vetted has no account and no server. Your notes, checklist, ratings, projects and
        payments are stored only on this computer, in this browser profile. Nothing is sent anywhere, and nothing is tracked.
      </p>
      <p>
        <strong>What the marketplace can see.</strong> Upwork, Fiverr and the other sites cannot read your notes, ratings or budgets: Vetted
        shows them in its own sealed frame that the page cannot look into or listen to. On search results the site can only notice that a
        small badge is there, not what you wrote.
      </p>
      <p>
        <strong>What Vetted reads.</strong> Only the page you are looking at (name, rate, rating on a profile), to fill in the contractor.
        It never opens other pages or contacts the marketplace on its own.
      </p>
      <p>
        <strong>Uninstalling deletes your data.</strong> When you remove the extension, the browser deletes everything it stored. Export a
        backup first if you want to keep it, and keep that file somewhere safe: it contains your private notes in readable form.
      </p>
    </div>
  );
}
