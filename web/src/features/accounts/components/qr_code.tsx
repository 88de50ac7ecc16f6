import { useMemo } from 'react';
import { encode } from 'uqr';

/** The quiet zone around the code that scanners need, in modules (ISO/IEC 18004 asks for 4). */
const QUIET_ZONE = 4;

/**
 * One SVG path over the dark modules: `M x y h1 v1 h-1 z` per module. React
 * renders it as elements, so no markup string is injected into the page.
 */
function qrPath(modules: readonly (readonly boolean[])[]): string {
  const squares: string[] = [];
  modules.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) {
        squares.push(`M${x} ${y}h1v1h-1z`);
      }
    });
  });
  return squares.join('');
}

/**
 * A QR code of `text` as an inline SVG image named by `label`. Black on white
 * whatever the theme, since scanners need the contrast; crisp edges so the
 * modules do not blur when scaled.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => {
    const qr = encode(text, { ecc: 'M', border: QUIET_ZONE });
    return { size: qr.size, path: qrPath(qr.data) };
  }, [text]);
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      className="h-auto w-full max-w-[16rem] bg-white"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
