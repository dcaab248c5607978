// One LAN address with its QR code (drawn locally by `qrcode`, so it works without internet; loaded only for this screen).
import { useEffect, useState } from 'react';

export function LanAddress({ url }: { url: string }) {
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    // The placeholder square stands in while the QR library loads and draws.
    void import('qrcode')
      .then(({ default: QRCode }) => QRCode.toDataURL(url, { margin: 1, width: 160 }))
      .then((data) => {
        if (current) setImage(data);
      });
    return () => {
      current = false;
    };
  }, [url]);
  return (
    <li className="lan-item">
      {image ? (
        <img src={image} width={160} height={160} alt={`QR code for ${url}`} />
      ) : (
        <span className="qr-placeholder" aria-hidden="true" />
      )}
      <a href={url}>{url}</a>
    </li>
  );
}
