/**
 * Plain text to the clipboard. The async Clipboard API first; where it is refused (an unfocused
 * document, an older Firefox), a selected textarea and the copy command, which a click allows.
 */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // fall through
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('The browser did not allow copying. Select the text and press Ctrl+C (⌘C on a Mac).');
}
