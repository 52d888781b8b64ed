/**
 * Starts loading an island's heavy code (the simulated cluster) when its element scrolls near the
 * viewport, so a lesson page costs almost nothing until the learner gets there. `load` is memoised
 * by the caller's import(); calling it again on first interaction is free.
 */
export function whenVisible(element: Element, load: () => unknown): void {
  if (!('IntersectionObserver' in window)) { load(); return; }
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) { observer.disconnect(); load(); }
  }, { rootMargin: '200px' });
  observer.observe(element);
}
