// A QR code of a link, drawn locally by `qrcode` (works without internet; the library loads only where a code is shown).
import { useEffect, useState } from 'react';

export function QrCode({ text, alt }: { text: string; alt: string }) {
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    // The placeholder square stands in while the QR library loads and draws.
    void import('qrcode')
      .then(({ default: QRCode }) => QRCode.toDataURL(text, { margin: 1, width: 160 }))
      .then((data) => {
        if (current) setImage(data);
      });
    return () => {
      current = false;
    };
  }, [text]);
  return image ? <img src={image} width={160} height={160} alt={alt} /> : <span className="qr-placeholder" aria-hidden="true" />;
}
