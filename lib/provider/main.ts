/**
 * Entry point of terraform-provider-osd (bundled into provider.mjs by `npm run provider:install`).
 *
 * The provider's own code is imported lazily: the handshake with Terraform needs only the
 * transport, and every millisecond before it is paid 3-5 times per terraform command.
 */
import { serve } from '../tfplugin/serve.js';

serve(async () => (await import('./osd-provider.js')).createOsdProvider(), { name: 'osd' });
