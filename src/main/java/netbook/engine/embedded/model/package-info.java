/**
 * The embedded engine's state: networks ({@code NetworkTable}), containers ({@code
 * ContainerTable}), their endpoints and addresses ({@code Wiring}), exec instances and images, and
 * what a container sees of them ({@link netbook.engine.embedded.model.Namespaces}, {@link
 * netbook.engine.embedded.model.NetworkPaths}). Other packages read the state through accessors and
 * change it only through {@link netbook.engine.embedded.model.DockerModel}'s methods, so the
 * invariants (addresses in use, active endpoints of running containers, published ports) are kept
 * here.
 */
package netbook.engine.embedded.model;
