import net from 'node:net';
import { Aedes, type AedesOptions } from 'aedes';

/**
 * The zero-setup MQTT broker (aedes) for the embedded default; production points TAIHANG_MQTT_URL at
 * Mosquitto or EMQX instead. A port already in use is reported, not thrown. `options` carries the
 * authenticate / authorize hooks a module supplies (ingestion credentials), injected by server/main.ts.
 */
export async function startEmbeddedBroker(
  port: number,
  options: Pick<AedesOptions, 'authenticate' | 'authorizePublish' | 'authorizeSubscribe'> = {},
  /** The address to bind: the HTTP server's (HOST), so a demo on a laptop is not open to the network over MQTT either. */
  host = '127.0.0.1',
): Promise<{ ok: true; port: number; close: () => Promise<void> } | { ok: false }> {
  const broker = await Aedes.createBroker(options);
  const server = net.createServer(broker.handle);
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, host, () => resolve(true));
  });
  if (!listening) {
    await new Promise<void>((r) => broker.close(() => r()));
    return { ok: false };
  }
  const address = server.address();
  return {
    ok: true,
    port: typeof address === 'object' && address ? address.port : port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => broker.close(() => resolve()));
      }),
  };
}
