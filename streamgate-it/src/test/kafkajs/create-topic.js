// Asks kafkajs to create one topic through the gateway and prints one JSON line with the outcome:
// {"created": true} or {"created": false, "type": "<Kafka error name>", "error": "<message>"}.
// kafkajs keeps only the error code of a CreateTopics response (not its error message), so "error" is kafkajs'
// text for that code. Usage: node create-topic.js <bootstrap host:port> <topic> <partitions>
const { Kafka, logLevel } = require('kafkajs');

const [bootstrap, topic, partitions] = process.argv.slice(2);

async function main() {
  const kafka = new Kafka({ clientId: 'streamgate-compat', brokers: [bootstrap], logLevel: logLevel.NOTHING,
    retry: { retries: 2 } });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: Number(partitions), replicationFactor: 3 }],
      waitForLeaders: true });
    console.log(JSON.stringify({ created: true }));
  } catch (error) {
    const cause = error.errors && error.errors.length > 0 ? error.errors[0] : error;
    console.log(JSON.stringify({ created: false, type: cause.type, error: cause.message }));
  } finally {
    await admin.disconnect();
  }
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});
