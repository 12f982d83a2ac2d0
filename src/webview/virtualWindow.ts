// Windowed rendering for long lists: works out which rows of a fixed-height list are visible in a
// scroll container and asks the owner to render just those (plus a small margin). The scroll position
// and height are cached from events, so selecting never forces a synchronous layout.

const OVERSCAN = 8;

export class VirtualWindow {
  private count = 0;
  private start = -1;
  private end = -1;
  private frame = 0;
  private scrollTop = 0;
  private height = 0;

  constructor(
    private readonly scroller: HTMLElement,
    readonly rowHeight: number,
    private readonly render: (start: number, end: number) => void,
  ) {
    scroller.addEventListener('scroll', () => {
      this.scrollTop = scroller.scrollTop;
      this.schedule();
    }, { passive: true });
    new ResizeObserver(entries => {
      this.height = entries[entries.length - 1].contentRect.height;
      this.schedule();
    }).observe(scroller);
  }

  setCount(count: number): void {
    this.count = count;
    this.refresh();
  }

  /** Re-renders the current window even if it did not move (data or selection changed). */
  refresh(): void {
    this.start = -1;
    this.update();
  }

  /** Scrolls row `index` into view if it is not; a jump puts it a few rows below the top, with context. */
  scrollToIndex(index: number, headerHeight = 0): void {
    const top = index * this.rowHeight;
    const view = this.height - headerHeight;
    const visible = top >= this.scrollTop && top + this.rowHeight <= this.scrollTop + view;
    if (!visible) {
      this.scrollTop = Math.max(0, top - Math.min(2 * this.rowHeight, view / 3));
      this.scroller.scrollTop = this.scrollTop;
    }
    this.update();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.update();
    });
  }

  private update(): void {
    const first = Math.floor(this.scrollTop / this.rowHeight);
    const visible = Math.ceil((this.height || 600) / this.rowHeight);
    const start = Math.max(0, Math.min(first, this.count - visible) - OVERSCAN);
    const end = Math.min(this.count, first + visible + OVERSCAN);
    if (start === this.start && end === this.end) return;
    this.start = start;
    this.end = end;
    this.render(start, end);
  }
}
