// One LAN address with its QR code (drawn locally by `qrcode`, so it works without internet).
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

export function LanAddress({ url }: { url: string }) {
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void QRCode.toDataURL(url, { margin: 1, width: 160 }).then((data) => {
      if (current) setImage(data);
    });
    return () => {
      current = false;
    };
  }, [url]);
  return (
    <li className="lan-item">
      {image ? <img src={image} width={160} height={160} alt={`QR code for ${url}`} /> : <span className="qr-placeholder" aria-hidden="true" />}
      <a href={url}>{url}</a>
    </li>
  );
}
