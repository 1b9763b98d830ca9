package io.newssearch.solrcluster;

import java.lang.reflect.Field;
import org.apache.solr.embedded.JettySolrRunner;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;

/**
 * Sets how long a node's Jetty keeps an idle connection open before closing it.
 *
 * <p>Why reflection: {@link JettySolrRunner} fixes its connectors' idle timeout at 260 s and
 * neither {@code JettyConfig} nor a system property changes it (unlike a standalone Solr's
 * {@code solr.jetty.http.idleTimeout}), and it does not expose its Jetty {@link Server}. Each new
 * connection takes the connector's timeout when it is accepted, and the connectors outlive a
 * node's stop and start, so setting it once after the cluster is up covers every later connection.
 */
final class NodeIdleTimeout {

  private NodeIdleTimeout() {}

  static void set(JettySolrRunner node, long millis) throws ReflectiveOperationException {
    Field field = JettySolrRunner.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(node);
    for (Connector connector : server.getConnectors()) {
      ((AbstractConnector) connector).setIdleTimeout(millis);
    }
  }
}
