// The URLs under which devices on the practice's network reach this server.
import os from 'node:os';

export function lanUrls(port: number, host: string, scheme: 'http' | 'https' = 'http'): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [`${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}/`];
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((address): address is os.NetworkInterfaceInfo => !!address && address.family === 'IPv4' && !address.internal)
    .map((address) => `${scheme}://${address.address}:${port}/`);
}
