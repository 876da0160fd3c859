// Copying text: the Clipboard API where the page may use it, else a selected textarea and the copy command.

export async function copyText(text: string, scratch: HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    scratch.value = text;
    scratch.hidden = false;
    scratch.select();
    const copied = document.execCommand('copy');
    scratch.hidden = true;
    return copied;
  }
}
