/**
 * Serving a provider: the one call a provider's entry file makes.
 *
 *   // main.ts, the file Terraform's plugin executable runs
 *   import { serve } from '../tfplugin/serve.js';
 *   serve(async () => (await import('./my-provider.js')).createProvider(), { name: 'example' });
 *
 * This module loads only what the handshake with Terraform needs. Import the provider's own code
 * in the factory, as above: it is called right after the handshake, so that code loads while
 * Terraform connects instead of delaying every start (Terraform starts a provider 3 to 5 times per
 * command).
 */
import type { Provider } from './provider.js';
import { serveHandlers, type ServeOptions } from './transport/serve.js';

export type { ServeOptions };

/** Serves the provider `createProvider` resolves to; never returns (see `serveHandlers`). */
export function serve(createProvider: () => Provider | Promise<Provider>, options: ServeOptions): void {
  serveHandlers(async () => {
    const [{ providerHandlers }, provider] = await Promise.all([import('./dispatch.js'), createProvider()]);
    return providerHandlers(provider);
  }, options);
}
