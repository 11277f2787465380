/** Reading SLO measurements from monitoring systems: Prometheus's HTTP API. */
package engawa.integrations.slo;
