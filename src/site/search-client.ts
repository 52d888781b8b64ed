/**
 * Client side of the header search: loads Pagefind's own module from /pagefind/ on first focus
 * (it is written by the build, so the bundler must not try to resolve it) and lists the results.
 */
interface PagefindResult { data: () => Promise<{ url: string; excerpt: string; meta: { title?: string } }> }
interface Pagefind { search: (term: string) => Promise<{ results: PagefindResult[] }> }

const form = document.querySelector<HTMLFormElement>('[data-site-search]');
const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
const output = form?.querySelector<HTMLElement>('[data-search-results]');
let pagefind: Promise<Pagefind> | undefined;

function load(): Promise<Pagefind> {
  const url = '/pagefind/pagefind.js';
  pagefind ??= import(/* @vite-ignore */ url) as Promise<Pagefind>;
  return pagefind;
}

let latest = 0;
async function search(term: string): Promise<void> {
  if (!output) return;
  const ticket = ++latest;
  if (term.trim() === '') { output.replaceChildren(); return; }
  try {
    const { results } = await (await load()).search(term);
    const data = await Promise.all(results.slice(0, 8).map((result) => result.data()));
    if (ticket !== latest) return; // a newer keystroke already answered
    const list = document.createElement('ul');
    for (const item of data) {
      const li = document.createElement('li');
      const link = document.createElement('a');
      link.href = item.url;
      link.textContent = item.meta.title ?? item.url;
      const excerpt = document.createElement('p');
      excerpt.innerHTML = item.excerpt; // Pagefind escapes the page text and only adds <mark>
      li.append(link, excerpt);
      list.append(li);
    }
    const count = document.createElement('p');
    count.textContent = data.length === 0 ? `No results for “${term}”.` : `${data.length} result${data.length === 1 ? '' : 's'}`;
    output.replaceChildren(count, list);
  } catch {
    output.textContent = 'Search is available on the built site (npm run build).';
  }
}

input?.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
input?.addEventListener('input', () => void search(input.value));
input?.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && output) { input.value = ''; output.replaceChildren(); }
});
