// The start page forwards to the org chart, keeping the query (?root=…, ?scenario=…). A file of its
// own, not inline: the Content-Security-Policy allows scripts from the service's own files only.
location.replace('chart.html' + location.search);
