/**
 * The embedded engine's state: networks ({@code NetworkTable}), containers ({@code
 * ContainerTable}), their endpoints and addresses ({@code Wiring}), exec instances and images, and
 * what a container sees of them ({@link Namespaces}, {@link NetworkPaths}). Other packages read the
 * state through accessors and change it only through {@link DockerModel}'s methods, so the
 * invariants (addresses in use, active endpoints of running containers, published ports) are kept
 * here.
 */
package netbook.engine.embedded.model;
