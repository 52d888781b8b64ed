import { indexForKey } from './roving-index.ts';

/** Turns each server-rendered `[data-tabs]` block into an ARIA tablist with roving focus. */
for (const root of document.querySelectorAll<HTMLElement>('[data-tabs]')) {
  const tablist = root.querySelector<HTMLElement>('[data-tablist]');
  const tabs = [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const panels = [...root.querySelectorAll<HTMLElement>(':scope > .tab-panels > [data-tab-panel]')];
  if (!tablist || tabs.length !== panels.length) continue; // leave every panel visible rather than guess
  panels.forEach((panel, index) => {
    panel.id = `${root.dataset['tabs']}-panel-${index}`;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', tabs[index]?.id ?? '');
    panel.tabIndex = 0;
    tabs[index]?.setAttribute('aria-controls', panel.id);
  });
  const select = (chosen: number, focus: boolean) => {
    tabs.forEach((tab, index) => {
      const on = index === chosen;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      if (panels[index]) panels[index].hidden = !on;
    });
    if (focus) tabs[chosen]?.focus();
  };
  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => select(index, false));
    tab.addEventListener('keydown', (event) => {
      const next = indexForKey(event.key, index, tabs.length, true);
      if (next === undefined) return;
      event.preventDefault();
      select(next, true);
    });
  });
  tablist.hidden = false;
  select(0, false);
}
