// The payment gateway this server uses. Only the in-process test double exists so far; a provider adapter
// implements PaymentGateway and is installed here.
import type { AppContext } from '../../core/context';
import { webhookSecret } from './module-keys';
import type { PaymentGateway } from './payment-gateway';
import { TestDoubleGateway } from './test-double-gateway';

const gateways = new Map<string, TestDoubleGateway>();

export function testDoubleGateway(ctx: Pick<AppContext, 'config'>): TestDoubleGateway {
  const secret = webhookSecret(ctx.config);
  let g = gateways.get(secret);
  if (!g) gateways.set(secret, (g = new TestDoubleGateway(secret)));
  return g;
}

export const paymentGateway = (ctx: Pick<AppContext, 'config'>): PaymentGateway => testDoubleGateway(ctx);
