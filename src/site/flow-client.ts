import type { PathMembers } from './flow-path.ts';

/** Wires the path buttons of each `[data-flow]`: fade what is off the chosen path and read it out. */
for (const root of document.querySelectorAll<HTMLElement>('[data-flow]')) {
  const controls = root.querySelector<HTMLElement>('[data-flow-controls]');
  if (!controls) continue;
  const paths = JSON.parse(root.dataset['paths'] ?? '[]') as PathMembers[];
  const readout = root.querySelector<HTMLElement>('[data-flow-readout]');
  const buttons = [...controls.querySelectorAll<HTMLButtonElement>('[data-flow-path]')];
  const show = (index: number) => {
    const path = paths[index];
    root.dataset['activePath'] = String(index);
    for (const button of buttons) button.setAttribute('aria-pressed', String(Number(button.dataset['flowPath']) === index));
    root.querySelectorAll<SVGElement>('[data-node]').forEach((node) => node.classList.toggle('off-path', !!path && !path.nodes.includes(node.dataset['node'] ?? '')));
    root.querySelectorAll<SVGElement>('[data-edge]').forEach((edge) => edge.classList.toggle('off-path', !!path && !path.edges.includes(edge.dataset['edge'] ?? '')));
    if (readout) readout.textContent = path ? path.labels.join(' → ') : '';
  };
  for (const button of buttons) button.addEventListener('click', () => show(Number(button.dataset['flowPath'])));
  controls.hidden = false;
}
