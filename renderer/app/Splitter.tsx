import type { PointerEvent } from 'react';

/**
 * A drag handle on a pane's edge: reports the pointer's x while dragging and once more when
 * released (the caller keeps the width live while dragging and stores it at the end).
 */
export function Splitter({
  label,
  side,
  onDrag,
  onDone,
}: {
  label: string;
  side: 'left' | 'right';
  onDrag(clientX: number): void;
  onDone(): void;
}) {
  const down = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const move = (event: PointerEvent<HTMLDivElement>) => {
    if (event.currentTarget.hasPointerCapture(event.pointerId)) onDrag(event.clientX);
  };
  const up = (event: PointerEvent<HTMLDivElement>) => {
    if (!event.currentTarget.hasPointerCapture(event.pointerId)) return;
    event.currentTarget.releasePointerCapture(event.pointerId);
    onDone();
  };
  return (
    <div
      className={`splitter splitter-${side}`}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={up}
    />
  );
}
