// One LAN address with its QR code, so a phone on the same network can open it.
import { QrCode } from '../../components/QrCode';

export function LanAddress({ url }: { url: string }) {
  return (
    <li className="lan-item">
      <QrCode text={url} alt={`QR code for ${url}`} />
      <a href={url}>{url}</a>
    </li>
  );
}
