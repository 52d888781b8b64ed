import type { EditorSurface, SourceMarker } from './editor-surface.ts';

/**
 * The server-rendered `<textarea>` as an editor: usable before Monaco arrives, with no JavaScript
 * at all (the code is still readable and copyable), and the editor on touch devices.
 * Markers are listed under it as "line:column message", since a textarea cannot underline.
 */
export function textareaEditor(textarea: HTMLTextAreaElement, markerList: HTMLElement): EditorSurface {
  let markers: SourceMarker[] = [];
  return {
    kind: 'textarea',
    getCode: () => textarea.value,
    setCode: (source) => {
      if (textarea.value === source) return;
      textarea.value = source;
      textarea.dispatchEvent(new Event('input'));
    },
    onChange: (listener) => textarea.addEventListener('input', () => listener(textarea.value)),
    onRunShortcut: (listener) =>
      textarea.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          listener();
        }
      }),
    setMarkers: (next) => {
      markers = [...next];
      markerList.replaceChildren(
        ...markers.map((m) => {
          const item = document.createElement('li');
          item.textContent = `Line ${m.line}, column ${m.column}: ${m.message}`;
          return item;
        }),
      );
      markerList.hidden = markers.length === 0;
    },
    getMarkers: () => [...markers],
    showDiff: (solution, host) => {
      const column = (title: string, code: string): HTMLElement => {
        const figure = document.createElement('figure');
        const caption = document.createElement('figcaption');
        caption.textContent = title;
        const pre = document.createElement('pre');
        pre.textContent = code;
        figure.append(caption, pre);
        return figure;
      };
      host.replaceChildren(column('Your code', textarea.value), column('Solution', solution));
    },
    hideDiff: () => {},
    focus: () => textarea.focus(),
  };
}
