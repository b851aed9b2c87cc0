// Drives kafkajs through the gateway: create a topic, produce, consume in a group, commit, and read the
// committed offsets back. Prints one JSON line with what happened; exits non-zero on any failure.
// Usage: node compat.js <bootstrap host:port> <topic> <group> <count>
// Security, optional, as JSON in STREAMGATE_COMPAT_SECURITY:
//   {"ssl": {"ca": "<ca.pem>", "cert": "<client.pem>", "key": "<client-key.pem>"},
//    "sasl": {"mechanism": "plain|scram-sha-256|scram-sha-512", "username": "...", "password": "..."},
//    "connectTo": "127.0.0.1"}
// connectTo: connect every TLS socket to that address while still asking for the broker's own name (SNI) and
// verifying the certificate against it, as a client-side resolver override for names no DNS knows.
const fs = require('fs');
const tls = require('tls');
const { Kafka, logLevel } = require('kafkajs');

const [bootstrap, topic, groupId, countArg] = process.argv.slice(2);
const count = Number(countArg || 100);

function security() {
  const given = process.env.STREAMGATE_COMPAT_SECURITY ? JSON.parse(process.env.STREAMGATE_COMPAT_SECURITY) : {};
  const options = {};
  if (given.ssl) {
    options.ssl = { ca: [fs.readFileSync(given.ssl.ca, 'utf8')] };
    if (given.ssl.cert) {
      options.ssl.cert = fs.readFileSync(given.ssl.cert, 'utf8');
      options.ssl.key = fs.readFileSync(given.ssl.key, 'utf8');
    }
  }
  if (given.sasl) {
    options.sasl = given.sasl;
  }
  if (given.connectTo) {
    options.socketFactory = ({ host, port, ssl, onConnect }) =>
      tls.connect({ ...ssl, host: given.connectTo, port, servername: host }, onConnect);
  }
  return options;
}

async function main() {
  const kafka = new Kafka({ clientId: 'streamgate-compat', brokers: [bootstrap], logLevel: logLevel.WARN,
    retry: { retries: 10 }, ...security() });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 3 }], waitForLeaders: true });
  const cluster = await admin.describeCluster();

  const producer = kafka.producer();
  await producer.connect();
  const messages = [];
  for (let i = 0; i < count; i++) {
    messages.push({ key: `key-${i}`, value: `kafkajs-${i}` });
  }
  await producer.send({ topic, acks: -1, messages });
  await producer.disconnect();

  const consumer = kafka.consumer({ groupId, sessionTimeout: 10000 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const received = new Set();
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`received ${received.size} of ${count} messages`)), 60000);
    consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        received.add(message.value.toString());
        await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
        if (received.size === count) {
          clearTimeout(timer);
          resolve();
        }
      },
    }).catch(reject);
  });
  await consumer.disconnect();

  const offsets = await admin.fetchOffsets({ groupId, topics: [topic] });
  const committed = offsets[0].partitions.reduce((sum, p) => sum + Number(p.offset), 0);
  await admin.disconnect();

  console.log(JSON.stringify({ received: received.size, committed,
    brokers: cluster.brokers.map((b) => `${b.host}:${b.port}`) }));
  if (received.size !== count || committed !== count) {
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});
