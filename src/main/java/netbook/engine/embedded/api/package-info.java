/**
 * The Docker Engine API of the embedded engine: requests and responses, the routes ({@link
 * netbook.engine.embedded.api.ApiRouter} and one class per resource), and Docker's JSON for
 * networks, containers, exec instances and images. Routes read the model and change it only through
 * {@link netbook.engine.embedded.model.DockerModel}'s methods.
 */
package netbook.engine.embedded.api;
