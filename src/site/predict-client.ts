import { whenVisible } from './when-visible.ts';

/** Wires each `[data-predict]`: Run is enabled once a prediction is chosen, then the scenario runs. */
for (const root of document.querySelectorAll<HTMLElement>('[data-predict]')) {
  const id = root.dataset['predict'] ?? '';
  const button = root.querySelector<HTMLButtonElement>('[data-predict-run]');
  const result = root.querySelector<HTMLElement>('[data-predict-result]');
  let runtime: Promise<[typeof import('../lessons-runtime/predict-scenarios.ts'), typeof import('../components/sequence/render-sequence.ts')]> | undefined;
  const load = () => (runtime ??= Promise.all([import('../lessons-runtime/predict-scenarios.ts'), import('../components/sequence/render-sequence.ts')]));
  whenVisible(root, load);
  const chosen = () => root.querySelector<HTMLInputElement>('input[type="radio"]:checked');
  root.addEventListener('change', () => { if (button) button.disabled = chosen() === null; });
  button?.addEventListener('click', async () => {
    const prediction = chosen();
    if (!prediction || !result) return;
    root.dataset['state'] = 'running';
    const [scenarios, diagram] = await load();
    const outcome = await scenarios.runPredictScenario(id);
    const right = Number(prediction.value) === outcome.optionIndex;
    const verdict = document.createElement('p');
    verdict.dataset['verdict'] = right ? 'correct' : 'wrong';
    verdict.textContent = `${right ? 'Your prediction was right.' : 'Not what you predicted.'} ${outcome.explanation}`;
    const output = document.createElement('pre');
    output.textContent = outcome.output.join('\n');
    result.replaceChildren(verdict, output, diagram.renderSequence(outcome.trace, 'What the cluster did: the answer, event by event'));
    root.dataset['state'] = 'done';
  });
}
