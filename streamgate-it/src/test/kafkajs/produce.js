// Produces with kafkajs through the gateway, one send (one Produce request) after another, and prints one JSON
// line with the outcome: {"produced": <records>, "elapsedMs": <ms>} plus "type" and "error" when a send failed.
// Usage: node produce.js <bootstrap host:port> <topic> <acks> <sends> <records per send> <record bytes> <client id>
const { Kafka, logLevel } = require('kafkajs');

const [bootstrap, topic, acks, sends, perSend, recordBytes, clientId] = process.argv.slice(2);

async function main() {
  const kafka = new Kafka({ clientId, brokers: [bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 2 } });
  const producer = kafka.producer();
  await producer.connect();
  const value = 'x'.repeat(Number(recordBytes));
  const started = Date.now();
  let produced = 0;
  const outcome = {};
  try {
    for (let i = 0; i < Number(sends); i++) {
      const messages = Array.from({ length: Number(perSend) }, () => ({ value }));
      await producer.send({ topic, acks: Number(acks), messages });
      produced += messages.length;
    }
  } catch (error) {
    const cause = error.cause || error;
    outcome.type = cause.type;
    outcome.error = cause.message;
  } finally {
    await producer.disconnect();
  }
  console.log(JSON.stringify({ produced, elapsedMs: Date.now() - started, ...outcome }));
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});
