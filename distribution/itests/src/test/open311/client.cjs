// Reads discovery, services and requests at a district with the npm 'open311' client and posts one request,
// as a civic tool would; prints what it saw as one JSON object for Open311IT to check. Usage:
//   node client.cjs http://127.0.0.1:PORT/open311/v2/discovery.json
'use strict';
const Open311 = require('open311');

const discovery = process.argv[2];
// the library refuses to submit without an API key; the district needs none and ignores it
const client = new Open311({ discovery: discovery, apiKey: 'not-needed' });
const seen = {};

function step(name, next) {
  return function (err, data) {
    if (err) {
      console.log(JSON.stringify({ failed: name, error: err, data: data }));
      process.exit(1);
    }
    seen[name] = data;
    next(data);
  };
}

client.serviceDiscovery({ cache: true }, step('discovery', function () {
  seen.endpoint = client.endpoint;
  client.serviceList(step('services', function () {
    client.submitRequest({
      service_code: 'SUGGESTION',
      description: '建议在清河镇幸福村口增设公交站点\n村民进城需步行三公里。',
      first_name: '建国',
      last_name: '赵',
      phone: '13800001111',
      address_string: '清河镇幸福村村口'
    }, step('posted', function (posted) {
      client.serviceRequest(posted[0].service_request_id, step('one', function () {
        client.serviceRequests({ status: 'open', service_code: 'SUGGESTION' }, step('list', function () {
          console.log(JSON.stringify(seen));
        }));
      }));
    }));
  }));
}));
