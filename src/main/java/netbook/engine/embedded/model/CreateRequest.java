package netbook.engine.embedded.model;

/**
 * What POST /containers/create asks for, already read out of Docker's JSON: the name ("" for a
 * generated one), the container's configuration, and the endpoint on the network its network mode
 * names.
 */
public record CreateRequest(String name, ContainerConfig config, EndpointSpec endpoint) {
  public CreateRequest {
    name = name == null ? "" : name;
    endpoint = endpoint == null ? EndpointSpec.NONE : endpoint;
  }
}
