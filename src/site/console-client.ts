import { whenVisible } from './when-visible.ts';
import type { ConsoleLine } from '../lessons-runtime/console-session.ts';

/** Wires each `[data-kafka-console]`: the cluster session is imported when the console comes into view. */
for (const root of document.querySelectorAll<HTMLElement>('[data-kafka-console]')) {
  const form = root.querySelector<HTMLFormElement>('[data-console-form]');
  const input = root.querySelector<HTMLInputElement>('input[type="text"]');
  const output = root.querySelector<HTMLElement>('[data-console-output]');
  const faultSelect = root.querySelector<HTMLSelectElement>('[data-console-fault]');
  let runtime: Promise<typeof import('../lessons-runtime/console-session.ts')> | undefined;
  const load = () => (runtime ??= import('../lessons-runtime/console-session.ts'));
  let session: Promise<import('../lessons-runtime/console-session.ts').ConsoleSession> | undefined;
  const newSession = () => (session = load().then((m) => new m.ConsoleSession(faultSelect?.value ?? 'none')));
  whenVisible(root, load);

  const print = (lines: readonly ConsoleLine[]) => {
    if (!output) return;
    for (const line of lines) {
      const p = document.createElement('p');
      p.className = line.stream;
      p.textContent = line.text;
      output.append(p);
    }
    output.scrollTop = output.scrollHeight;
  };
  const reset = (why: string) => {
    void newSession();
    print([{ stream: 'note', text: why }]);
  };

  root.querySelectorAll<HTMLButtonElement>('[data-command]').forEach((button) => {
    button.addEventListener('click', () => {
      if (!input) return;
      input.value = button.dataset['command'] ?? '';
      input.focus();
    });
  });
  // "Run in the console" buttons beside the lesson's commands: fill the prompt, run, show the output.
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-console-run]')) {
    const wrap = button.closest<HTMLElement>('[data-console-run-wrap]');
    if (wrap) wrap.hidden = false;
    button.addEventListener('click', () => {
      if (!input || !form) return;
      input.value = button.dataset['consoleRun'] ?? '';
      root.scrollIntoView({ block: 'start' });
      form.requestSubmit();
      output?.focus({ preventScroll: true });
    });
  }
  faultSelect?.addEventListener('change', () => reset(`(fault switch: ${faultSelect.selectedOptions[0]?.text ?? ''} — example-topic reset)`));
  root.querySelector('[data-console-reset]')?.addEventListener('click', () => reset('(example-topic reset: empty, no records)'));
  form?.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!input || root.dataset['state'] === 'running') return;
    root.dataset['state'] = 'running';
    try {
      const current = await (session ?? newSession());
      print(await current.run(input.value));
    } catch (error) {
      print([{ stream: 'stderr', text: `console error: ${(error as Error).message}` }]);
    } finally {
      root.dataset['state'] = 'idle';
    }
  });
}
